route r on gw {
  rule to a:80 retry 2 on 5xx
}
