service a port 80
route r on service a {
  rule to a timeout backend 2s
}
