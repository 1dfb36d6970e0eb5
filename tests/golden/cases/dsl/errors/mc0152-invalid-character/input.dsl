# Proves: a stray character is reported and skipped.
# Expected: MC0152 at 3:19; no bundle.
service a port 80 @
