output "pipeline_name" {
  description = "Name of the pipeline."
  value       = aws_codepipeline.this.name
}

output "pipeline_arn" {
  description = "ARN of the pipeline."
  value       = aws_codepipeline.this.arn
}

output "codebuild_project_name" {
  description = "Name of the CodeBuild project."
  value       = aws_codebuild_project.this.name
}

output "codebuild_role_arn" {
  description = "ARN of the CodeBuild service role (the only principal the deployer role trusts)."
  value       = aws_iam_role.codebuild.arn
}

output "pipeline_role_arn" {
  description = "ARN of the CodePipeline service role."
  value       = aws_iam_role.pipeline.arn
}

output "artifact_bucket_name" {
  description = "Name of the artifact bucket."
  value       = aws_s3_bucket.artifacts.bucket
}

output "codebuild_log_group_name" {
  description = "CloudWatch log group of the builds."
  value       = aws_cloudwatch_log_group.codebuild.name
}
