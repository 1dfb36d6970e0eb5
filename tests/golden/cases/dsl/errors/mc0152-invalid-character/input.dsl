# Proves: a stray character is reported and skipped.
# Expected: MC0152 at 3:19 (and info MC0540: nothing routes to Service a); no bundle.
service a port 80 @
