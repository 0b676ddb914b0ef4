// The demo platform's only script: reveal interstitials, toggle likes. Pages work without it,
// except that content behind an interstitial stays hidden.
"use strict";

function announce(message) {
  const region = document.getElementById("announce");
  if (region) region.textContent = message;
}

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const reveal = target.closest("button.reveal");
  if (reveal) {
    const body = document.getElementById(reveal.getAttribute("aria-controls"));
    if (!body) return;
    const open = reveal.getAttribute("aria-expanded") === "true";
    body.hidden = open;
    reveal.setAttribute("aria-expanded", String(!open));
    reveal.textContent = open ? "Show" : "Hide";
    return;
  }
  const like = target.closest("button.like");
  if (like && !like.disabled) {
    const pressed = like.getAttribute("aria-pressed") === "true";
    like.setAttribute("aria-pressed", String(!pressed));
    const count = like.querySelector(".count");
    if (count) count.textContent = String(Number(count.textContent) + (pressed ? -1 : 1));
    return;
  }
  const reply = target.closest("button.reply");
  if (reply && !reply.disabled) announce("Replying is not part of this demo.");
});
