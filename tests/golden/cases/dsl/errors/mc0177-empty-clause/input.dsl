# Proves: 'timeout' with nothing after it is reported.
# Expected: MC0177 at 8:16; no bundle.
gateway gw {
  listener web http 80
}
service a port 80 endpoints 10.0.0.1
route r on gw {
  rule to a:80 timeout
}
