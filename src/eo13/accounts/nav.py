from eo13.accounts.group_mappings import READERS

ITEMS = [("Sign-in groups", "group-mappings", set(READERS))]
