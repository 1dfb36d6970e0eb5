# Proves: the retry extras of a service route are one setting for the whole route; rules that differ are refused.
# Expected: MC0180 at 6:19 (differs from the retry at 5:19); no bundle.
service a port 80 endpoints 10.0.0.1
route r on service a:80 {
  rule /x to a:80 retry 2 on 5xx per-try 1s
  rule /y to a:80 retry 2 on 5xx per-try 2s
}
