# Proves: a missing port number is reported where it was expected.
# Expected: MC0153 at 5:1; no bundle.
gateway gw {
  listener web http
}
