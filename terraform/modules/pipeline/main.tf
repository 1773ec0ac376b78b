data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  # Naming rules of plugins/lambda-paved-road-common/src/naming.ts.
  base                   = "${var.app_name}-${var.environment}"
  pipeline_name          = coalesce(var.pipeline_name, local.base)
  codebuild_project_name = coalesce(var.codebuild_project_name, local.base)
  codebuild_role_name    = coalesce(var.codebuild_role_name, "${local.base}-codebuild")
  pipeline_role_name     = coalesce(var.pipeline_role_name, "${local.base}-codepipeline")
  account_id             = data.aws_caller_identity.current.account_id
  artifact_bucket_name   = coalesce(var.artifact_bucket_name, "${local.base}-artifacts-${local.account_id}")
  codebuild_log_group    = "/aws/codebuild/${local.codebuild_project_name}"

  region           = data.aws_region.current.name
  workloads_region = coalesce(var.workloads_region, local.region)
  ecr_registry     = "${var.workloads_account_id}.dkr.ecr.${local.workloads_region}.amazonaws.com"

  arm         = var.architecture == "arm64"
  build_image = coalesce(var.build_image, local.arm ? "aws/codebuild/amazonlinux-aarch64-standard:3.0" : "aws/codebuild/amazonlinux-x86_64-standard:5.0")

  tags = merge(var.tags, {
    "lambda-paved-road.io/app"         = var.app_name
    "lambda-paved-road.io/environment" = var.environment
  })
}

# ---------------------------------------------------------------- artifacts

resource "aws_s3_bucket" "artifacts" {
  bucket        = local.artifact_bucket_name
  force_destroy = var.force_destroy_artifacts
  tags          = local.tags
}

resource "aws_s3_bucket_ownership_controls" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  rule {
    id     = "expire-old-artifacts"
    status = "Enabled"
    # Whole bucket. (`filter {}` means the same; the provider sends both alike.)
    filter {
      prefix = ""
    }
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
    expiration {
      days = 90
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.artifacts]
}

resource "aws_s3_bucket_policy" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.artifacts.arn, "${aws_s3_bucket.artifacts.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })

  depends_on = [aws_s3_bucket_public_access_block.artifacts]
}

# ---------------------------------------------------------------- CodeBuild

resource "aws_cloudwatch_log_group" "codebuild" {
  name              = local.codebuild_log_group
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

resource "aws_iam_role" "codebuild" {
  name = local.codebuild_role_name

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codebuild.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })

  tags = local.tags
}

resource "aws_iam_role_policy" "codebuild" {
  name = "build-and-deploy"
  role = aws_iam_role.codebuild.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.codebuild.arn}:*"
      },
      {
        Sid      = "ReadSourceWriteArtifacts"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"]
        Resource = "${aws_s3_bucket.artifacts.arn}/*"
      },
      # No ECR or Lambda rights: the buildspec assumes the deployer role of the
      # workloads account before its first ECR or Lambda call (docker login,
      # push, describe-images, update-function-code, ...), and pulls its base
      # images from public ECR anonymously. The deployer role holds the push
      # and deploy rights, on this app's repository and function only.
      {
        Sid      = "AssumeDeployer"
        Effect   = "Allow"
        Action   = "sts:AssumeRole"
        Resource = var.deployer_role_arn
      },
    ]
  })
}

resource "aws_codebuild_project" "this" {
  name          = local.codebuild_project_name
  description   = "Builds ${var.repository}@${var.branch}, pushes the image and moves ${var.function_name}:${var.alias_name}"
  service_role  = aws_iam_role.codebuild.arn
  build_timeout = var.build_timeout

  source {
    type      = "CODEPIPELINE"
    buildspec = var.buildspec
    # CodeBuild ignores the location of a CODEPIPELINE source (the pipeline's
    # source action decides); it records the repository for people reading the
    # project. moto's CreateProject requires it.
    location = "${var.repository}@${var.branch}"
  }

  artifacts {
    type = "CODEPIPELINE"
    # Ignored by CodeBuild for CODEPIPELINE artifacts; required by moto.
    location = aws_s3_bucket.artifacts.bucket
  }

  environment {
    type                        = local.arm ? "ARM_CONTAINER" : "LINUX_CONTAINER"
    compute_type                = var.build_compute_type
    image                       = local.build_image
    image_pull_credentials_type = "CODEBUILD"
    # docker build needs the Docker daemon.
    privileged_mode = true

    environment_variable {
      name  = "ECR_REGISTRY"
      value = local.ecr_registry
    }
    environment_variable {
      name  = "ECR_REPOSITORY"
      value = var.ecr_repository_name
    }
    environment_variable {
      name  = "FUNCTION_NAME"
      value = var.function_name
    }
    environment_variable {
      name  = "ALIAS_NAME"
      value = var.alias_name
    }
    environment_variable {
      name  = "ENVIRONMENT"
      value = var.environment
    }
    # AWS_REGION is set by CodeBuild itself (the build's region); the
    # workloads region gets a name of its own.
    environment_variable {
      name  = "DEPLOY_REGION"
      value = local.workloads_region
    }
    environment_variable {
      name  = "DEPLOYER_ROLE_ARN"
      value = var.deployer_role_arn
    }
    environment_variable {
      name  = "ARCHITECTURE"
      value = var.architecture
    }
  }

  logs_config {
    cloudwatch_logs {
      group_name = aws_cloudwatch_log_group.codebuild.name
    }
  }

  tags = local.tags
}

# ---------------------------------------------------------------- CodePipeline

resource "aws_iam_role" "pipeline" {
  name = local.pipeline_role_name

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codepipeline.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })

  tags = local.tags
}

resource "aws_iam_role_policy" "pipeline" {
  name = "pipeline"
  role = aws_iam_role.pipeline.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Artifacts"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:GetBucketVersioning"]
        Resource = [aws_s3_bucket.artifacts.arn, "${aws_s3_bucket.artifacts.arn}/*"]
      },
      {
        Sid      = "Source"
        Effect   = "Allow"
        Action   = ["codeconnections:UseConnection", "codestar-connections:UseConnection"]
        Resource = var.connection_arn
      },
      {
        Sid      = "Build"
        Effect   = "Allow"
        Action   = ["codebuild:BatchGetBuilds", "codebuild:StartBuild"]
        Resource = aws_codebuild_project.this.arn
      },
    ]
  })
}

resource "aws_codepipeline" "this" {
  name           = local.pipeline_name
  pipeline_type  = "V2"
  execution_mode = "QUEUED"
  role_arn       = aws_iam_role.pipeline.arn

  artifact_store {
    type     = "S3"
    location = aws_s3_bucket.artifacts.bucket
  }

  stage {
    name = "Source"

    action {
      name             = "Source"
      category         = "Source"
      owner            = "AWS"
      provider         = "CodeStarSourceConnection"
      version          = "1"
      namespace        = "SourceVariables"
      output_artifacts = ["source"]

      configuration = {
        ConnectionArn        = var.connection_arn
        FullRepositoryId     = var.repository
        BranchName           = var.branch
        OutputArtifactFormat = "CODE_ZIP"
        # The trigger below decides which pushes start the pipeline.
        DetectChanges = "false"
      }
    }
  }

  stage {
    name = "BuildAndDeploy"

    action {
      name            = "BuildAndDeploy"
      category        = "Build"
      owner           = "AWS"
      provider        = "CodeBuild"
      version         = "1"
      input_artifacts = ["source"]

      configuration = {
        ProjectName = aws_codebuild_project.this.name
        EnvironmentVariables = jsonencode([
          { name = "COMMIT_ID", value = "#{SourceVariables.CommitId}", type = "PLAINTEXT" },
        ])
      }
    }
  }

  # Pushes to this environment's branch, and only those, start the pipeline.
  trigger {
    provider_type = "CodeStarSourceConnection"

    git_configuration {
      source_action_name = "Source"

      push {
        branches {
          includes = [var.branch]
        }
      }
    }
  }

  tags = local.tags

  depends_on = [aws_iam_role_policy.pipeline]
}
