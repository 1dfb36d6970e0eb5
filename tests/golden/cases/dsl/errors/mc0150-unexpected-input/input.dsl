service a {
  prot 80
}
