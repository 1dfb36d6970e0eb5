route r on gw {
  rule to a:80 2000000
}
