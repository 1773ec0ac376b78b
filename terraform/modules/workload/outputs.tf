output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "ARN of the Lambda function (unqualified)."
  value       = aws_lambda_function.this.arn
}

output "alias_name" {
  description = "Name of the alias the pipeline moves."
  value       = aws_lambda_alias.live.name
}

output "alias_arn" {
  description = "ARN of the alias the pipeline moves (what the ALB invokes)."
  value       = aws_lambda_alias.live.arn
}

output "log_group_name" {
  description = "CloudWatch log group of the function."
  value       = aws_cloudwatch_log_group.this.name
}

output "ecr_repository_name" {
  description = "Name of the ECR repository."
  value       = aws_ecr_repository.this.name
}

output "ecr_repository_arn" {
  description = "ARN of the ECR repository."
  value       = aws_ecr_repository.this.arn
}

output "ecr_repository_url" {
  description = "URL of the ECR repository (<registry>/<name>)."
  value       = aws_ecr_repository.this.repository_url
}

output "ecr_registry" {
  description = "The ECR registry host of the workloads account (what docker login needs)."
  value       = split("/", aws_ecr_repository.this.repository_url)[0]
}

output "deployer_role_arn" {
  description = "ARN of the role the pipeline's CodeBuild role assumes to deploy."
  value       = aws_iam_role.deployer.arn
}

output "alb_dns_name" {
  description = "DNS name of the ALB (external apps; null otherwise): the Cloudflare DNS record points here."
  value       = local.external ? aws_lb.this[0].dns_name : null
}

output "alb_arn" {
  description = "ARN of the ALB (external apps; null otherwise)."
  value       = local.external ? aws_lb.this[0].arn : null
}

output "target_group_arn" {
  description = "ARN of the Lambda target group (external apps; null otherwise)."
  value       = local.external ? aws_lb_target_group.this[0].arn : null
}

output "security_group_id" {
  description = "Security group of the ALB (external apps; null otherwise)."
  value       = local.external ? aws_security_group.alb[0].id : null
}

output "certificate_arn" {
  description = "Certificate of the HTTPS listener (external apps; null otherwise)."
  value       = local.certificate_arn
}

output "certificate_validation_records" {
  description = "DNS records that validate the certificate the module requested (empty when certificate_arn was given)."
  value = local.external && var.certificate_arn == null ? [
    for o in aws_acm_certificate.this[0].domain_validation_options : {
      name  = o.resource_record_name
      type  = o.resource_record_type
      value = o.resource_record_value
    }
  ] : []
}

output "url" {
  description = "Public URL of the app (external apps; null otherwise)."
  value       = local.external ? "https://${var.hostname}" : null
}
