# Proves: three mistakes in one file are all reported, each at its position, without follow-on errors.
# Expected: MC0179 at 5:16, MC0154 at 7:43, MC0304 at 9:27 (and the MC0310 warning for the unknown protocol); no bundle.
gateway gw {
  listener web http 80
  listener alt htp 8080
}
service echo port 8080 endpoints 10.0.0.1 selct app=echo
route r on gw {
  rule /echo to echo:8080 2000000
}
