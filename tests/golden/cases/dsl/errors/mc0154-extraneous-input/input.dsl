# Proves: an extra '}' is reported and skipped; the next statement is read.
# Expected: MC0154 at 3:19 (and info MC0540 for Services a and b, which nothing routes to); no bundle.
service a port 80 }
service b port 81
