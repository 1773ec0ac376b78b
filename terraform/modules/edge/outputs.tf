output "record_id" {
  description = "Id of the proxied DNS record."
  value       = cloudflare_dns_record.app.id
}

output "url" {
  description = "Public URL of the app."
  value       = "https://${var.hostname}"
}
