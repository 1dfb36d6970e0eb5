# Proves: a negative weight gets a hint that says what a weight may be, not only "unexpected character".
# Expected: MC0191 at 9:27 ('-5' is negative; a backend weight is from 0 to 1,000,000); no other error; no bundle.
gateway gw {
  listener web http 80
}
service a port 80 endpoints 10.0.0.1
service b port 80 endpoints 10.0.0.2
route r on gw {
  rule / to a:80 10, b:80 -5
}
