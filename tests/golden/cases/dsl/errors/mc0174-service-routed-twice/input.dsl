service a port 80
route r on service a {
  rule to a
}
route s on service a {
  rule to a
}
