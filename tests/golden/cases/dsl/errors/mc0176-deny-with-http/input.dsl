policy p {
  deny from app=x http GET
}
