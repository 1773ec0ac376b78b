output "function_name" {
  description = "Lambda function name."
  value       = module.workload.function_name
}

output "function_arn" {
  description = "Lambda function ARN (unqualified)."
  value       = module.workload.function_arn
}

output "alias_arn" {
  description = "ARN of the alias the pipeline moves."
  value       = module.workload.alias_arn
}

output "ecr_repository_url" {
  description = "ECR repository URL."
  value       = module.workload.ecr_repository_url
}

output "pipeline_name" {
  description = "CodePipeline name (deployments account)."
  value       = module.pipeline.pipeline_name
}

output "codebuild_project_name" {
  description = "CodeBuild project name (deployments account)."
  value       = module.pipeline.codebuild_project_name
}

output "deployer_role_arn" {
  description = "Role in the workloads account the pipeline assumes to deploy."
  value       = module.workload.deployer_role_arn
}

output "url" {
  description = "Public URL (external apps; null for internal ones)."
  value       = module.workload.url
}

output "hostname" {
  description = "Public host name (null without a domain)."
  value       = local.hostname
}

output "alb_dns_name" {
  description = "DNS name of the ALB (external apps; null otherwise): input of the edge root."
  value       = module.workload.alb_dns_name
}

output "certificate_validation_records" {
  description = "DNS records validating the certificate this composition requested (empty when certificate_arn was given): input of the edge root."
  value       = module.workload.certificate_validation_records
}

output "artifact_bucket_name" {
  description = "Artifact bucket of the pipeline."
  value       = module.pipeline.artifact_bucket_name
}

output "codebuild_role_arn" {
  description = "CodeBuild service role (the deployer role's only trusted principal)."
  value       = module.pipeline.codebuild_role_arn
}
