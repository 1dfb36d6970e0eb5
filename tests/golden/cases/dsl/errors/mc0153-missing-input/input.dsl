gateway gw {
  listener web http
}
