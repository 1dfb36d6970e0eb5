# Proves: a misspelt match keyword in a rule is named as such, with the keyword it is closest to, whether it stands
#   first (where the grammar would take it for the rule's name) or after a match.
# Expected: MC0190 at 11:8 ('methd', did you mean 'method'?) and at 12:11 ('heder', did you mean 'header'?); no other
#   error; no bundle.
gateway gw {
  listener web http 80
}
service a port 80 endpoints 10.0.0.1

route r on gw {
  rule methd GET to a:80
  rule /a heder x-canary=1 to a:80
}
