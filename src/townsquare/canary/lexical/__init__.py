"""The `lexical` channel: meaning-preserving variants that survive cleaning, retyping and OCR.

`find_lexical` proposes whole-token spans of the canonical memo with 2 to 8
variants each (variant 0 is what the memo says). Each candidate names the
rule that made it; an author who refuses a rule (or a family prefix such as
"en.spelling") passes it in `rejected`. See docs/lexical.md.
"""

from townsquare.canary.lexical.base import LexicalCandidate
from townsquare.canary.lexical.engine import find_lexical
from townsquare.canary.lexical.registry import RULES, describe, families, rule_ids

__all__ = ["RULES", "LexicalCandidate", "describe", "families", "find_lexical", "rule_ids"]
