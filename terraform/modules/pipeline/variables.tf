# Inputs of the pipeline module (deployments account): CodePipeline V2 with a
# CodeConnections source on the environment's branch, the CodeBuild project
# that builds, pushes and deploys, the artifact bucket and one role per service.

variable "app_name" {
  description = "Application name (lowercase letters, digits and single hyphens, starting with a letter)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*[a-z0-9]$", var.app_name)) && !strcontains(var.app_name, "--")
    error_message = "app_name must be lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen (app-name-charset)."
  }
}

variable "environment" {
  description = "Environment name (lowercase letters and digits, starting with a letter, at most 10 characters)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{0,9}$", var.environment))
    error_message = "environment must be lowercase letters and digits, start with a letter and be at most 10 characters (environment-name-charset, environment-name-length)."
  }
}

variable "pipeline_name" {
  description = "CodePipeline name. Default: {app}-{env}."
  type        = string
  default     = null

  validation {
    condition     = var.pipeline_name == null || can(regex("^[A-Za-z0-9.@_-]{1,100}$", coalesce(var.pipeline_name, "x")))
    error_message = "pipeline_name must be 1-100 letters, digits, '.', '@', '_' or '-'."
  }
}

variable "codebuild_project_name" {
  description = "CodeBuild project name. Default: {app}-{env}."
  type        = string
  default     = null

  validation {
    condition     = var.codebuild_project_name == null || can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$", coalesce(var.codebuild_project_name, "x")))
    error_message = "codebuild_project_name must be 2-255 letters, digits, '_' or '-', starting with a letter or digit."
  }
}

variable "codebuild_role_name" {
  description = "Name of the CodeBuild service role. Default: {app}-{env}-codebuild."
  type        = string
  default     = null
}

variable "pipeline_role_name" {
  description = "Name of the CodePipeline service role. Default: {app}-{env}-codepipeline."
  type        = string
  default     = null
}

variable "artifact_bucket_name" {
  description = "Name of the artifact bucket. Default: {app}-{env}-artifacts-{deployments account id}."
  type        = string
  default     = null

  validation {
    condition     = var.artifact_bucket_name == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", coalesce(var.artifact_bucket_name, "xxx")))
    error_message = "artifact_bucket_name must be a valid S3 bucket name (3-63 lowercase letters, digits, '.' and '-') (bucket-name-length)."
  }
}

variable "branch" {
  description = "The git branch whose pushes deploy to this environment."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9._/-]+$", var.branch)) && !startswith(var.branch, "/") && !endswith(var.branch, "/")
    error_message = "branch must be a git branch name (letters, digits, '.', '_', '-', '/')."
  }
}

variable "repository" {
  description = "The source repository, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.repository))
    error_message = "repository must be owner/name."
  }
}

variable "connection_arn" {
  description = "ARN of the CodeConnections (or CodeStar Connections) connection to the git host."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:[0-9]{12}:connection/.+$", var.connection_arn))
    error_message = "connection_arn must be a CodeConnections connection ARN (arn:aws:codeconnections:<region>:<account>:connection/<id>)."
  }
}

variable "workloads_account_id" {
  description = "The workloads account the pipeline deploys into."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.workloads_account_id))
    error_message = "workloads_account_id must be a 12-digit AWS account id."
  }
}

variable "workloads_region" {
  description = "Region of the workloads resources. Default: the region of this provider."
  type        = string
  default     = null
}

variable "ecr_repository_name" {
  description = "ECR repository the build pushes to (in the workloads account)."
  type        = string
}

variable "function_name" {
  description = "Lambda function the build deploys (in the workloads account)."
  type        = string
}

variable "alias_name" {
  description = "Alias the build moves to the newly published version."
  type        = string
  default     = "live"
}

variable "deployer_role_arn" {
  description = "Role in the workloads account that the CodeBuild role assumes to deploy."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.deployer_role_arn))
    error_message = "deployer_role_arn must be an IAM role ARN."
  }
}

variable "architecture" {
  description = "Instruction set of the function; the build runs on the same one (arm64: ARM_CONTAINER)."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "build_compute_type" {
  description = "CodeBuild compute type."
  type        = string
  default     = "BUILD_GENERAL1_SMALL"
}

variable "build_image" {
  description = "CodeBuild image. Default: the Amazon Linux standard image of the architecture."
  type        = string
  default     = null
}

variable "build_timeout" {
  description = "CodeBuild timeout in minutes (5-480)."
  type        = number
  default     = 30

  validation {
    condition     = var.build_timeout >= 5 && var.build_timeout <= 480
    error_message = "build_timeout must be between 5 and 480 minutes."
  }
}

variable "buildspec" {
  description = "Path of the buildspec in the repository."
  type        = string
  default     = "buildspec.yml"
}

variable "log_retention_days" {
  description = "Retention of the CodeBuild log group, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts."
  }
}

variable "force_destroy_artifacts" {
  description = "Let terraform destroy delete the artifact bucket even when it holds objects."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
