"""Staff core: roles and the permissions they grant (pure)."""
