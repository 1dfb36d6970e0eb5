# Proves: a string without its closing quote is reported and the line still parses.
# Expected: MC0151 at 3:31 (and info MC0540: nothing routes to Service a); no bundle.
service a port 80 labels team="shop
