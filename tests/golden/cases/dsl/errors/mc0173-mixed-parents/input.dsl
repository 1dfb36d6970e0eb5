service a port 80
route r on gw, service a {
  rule to a
}
