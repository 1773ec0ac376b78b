data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  # Naming rules of plugins/lambda-paved-road-common/src/naming.ts
  # (resourceNames): every name is {app}-{env}, plus a suffix for roles.
  base                = "${var.app_name}-${var.environment}"
  function_name       = coalesce(var.function_name, local.base)
  ecr_repository_name = coalesce(var.ecr_repository_name, local.base)
  deployer_role_name  = coalesce(var.deployer_role_name, "${local.base}-deployer")
  execution_role_name = "${local.base}-lambda"
  load_balancer_name  = local.base
  target_group_name   = local.base
  log_group_name      = "/aws/lambda/${local.function_name}"

  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition

  function_arn = "arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${local.function_name}"
  external     = var.exposure == "external"

  tags = merge(var.tags, {
    "lambda-paved-road.io/app"         = var.app_name
    "lambda-paved-road.io/environment" = var.environment
  })
}

# ---------------------------------------------------------------- ECR

resource "aws_ecr_repository" "this" {
  name = local.ecr_repository_name

  # The pipeline pushes an immutable-by-convention commit tag (the git SHA)
  # and moves the environment tag to it. Provider 5.100 has no
  # image_tag_mutability_exclusion_filter, so MUTABLE_WITH_EXCLUSION cannot be
  # expressed; see README ("ECR tag mutability").
  image_tag_mutability = "MUTABLE"
  force_delete         = var.force_delete_repository

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }

  tags = local.tags
}

resource "aws_ecr_lifecycle_policy" "this" {
  repository = aws_ecr_repository.this.name

  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Expire untagged images after ${var.untagged_image_expiry_days} days"
      selection = {
        tagStatus   = "untagged"
        countType   = "sinceImagePushed"
        countUnit   = "days"
        countNumber = var.untagged_image_expiry_days
      }
      action = { type = "expire" }
    }]
  })
}

# Lambda's pull of the image, and nothing else. No principal of the
# deployments account gets any right here: the buildspec assumes the deployer
# role (this account) before its first ECR call, and that role's own policy
# grants the push on this repository, so the CodeBuild role needs none.
resource "aws_ecr_repository_policy" "this" {
  repository = aws_ecr_repository.this.name

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "LambdaPull"
        Effect    = "Allow"
        Principal = { Service = "lambda.amazonaws.com" }
        Action = [
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
        ]
        Condition = {
          StringLike = {
            "aws:sourceArn" = "arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:*"
          }
        }
      },
    ]
  })
}

# ---------------------------------------------------------------- Lambda

resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

resource "aws_iam_role" "execution" {
  name = local.execution_role_name

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = local.tags
}

resource "aws_iam_role_policy" "execution_logs" {
  name = "logs"
  role = aws_iam_role.execution.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${aws_cloudwatch_log_group.this.arn}:*"
    }]
  })
}

resource "aws_lambda_function" "this" {
  function_name = local.function_name
  description   = "${var.app_name} (${var.environment}), deployed by its pipeline"
  role          = aws_iam_role.execution.arn
  package_type  = "Image"
  image_uri     = var.image_uri
  architectures = [var.architecture]
  memory_size   = var.memory_size
  timeout       = var.timeout

  # -1 is the provider's "unreserved".
  reserved_concurrent_executions = var.reserved_concurrency == null ? -1 : var.reserved_concurrency

  # Version 1 is published at creation so the alias has a version to point at.
  publish = true

  dynamic "environment" {
    for_each = length(var.environment_variables) > 0 ? [1] : []
    content {
      variables = var.environment_variables
    }
  }

  # External apps: the target group's ARN as a tag, so that the Deployments
  # backend, which reads the function (GetFunction returns its tags) anyway,
  # can ask for the ALB target health in one call (DescribeTargetHealth)
  # instead of looking the target group up by name first. No cycle: the target
  # group does not depend on the function (the permission and attachment do).
  tags = merge(local.tags, local.external ? {
    "lambda-paved-road.io/target-group-arn" = aws_lb_target_group.this[0].arn
  } : {})

  lifecycle {
    # The pipeline deploys new images (UpdateFunctionCode): the next apply must
    # not revert the function to the placeholder image.
    ignore_changes = [image_uri]
  }

  depends_on = [
    aws_cloudwatch_log_group.this,
    aws_iam_role_policy.execution_logs,
  ]
}

resource "aws_lambda_alias" "live" {
  name             = var.alias_name
  description      = "Moved by the pipeline to each newly published version"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version

  lifecycle {
    # The pipeline moves the alias (UpdateAlias): never move it back.
    ignore_changes = [function_version, routing_config]
  }
}

# ---------------------------------------------------------------- deployer

resource "aws_iam_role" "deployer" {
  name        = local.deployer_role_name
  description = "Assumed by the ${local.base} CodeBuild role in account ${var.deployments_account_id} to deploy ${local.function_name}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PipelineCodeBuildOnly"
      Effect    = "Allow"
      Principal = { AWS = var.codebuild_role_arn }
      Action    = "sts:AssumeRole"
    }]
  })

  max_session_duration = 3600
  tags                 = local.tags
}

resource "aws_iam_role_policy" "deployer" {
  name = "deploy"
  role = aws_iam_role.deployer.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # GetAuthorizationToken has no resource-level permissions.
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        # Same account as the repository: this identity policy alone allows
        # the push (the repository policy grants only Lambda's pull).
        Sid    = "EcrPush"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:DescribeImages",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = aws_ecr_repository.this.arn
      },
      {
        Sid    = "LambdaDeploy"
        Effect = "Allow"
        Action = [
          "lambda:GetAlias",
          "lambda:GetFunction",
          "lambda:GetFunctionConfiguration",
          "lambda:PublishVersion",
          "lambda:UpdateAlias",
          "lambda:UpdateFunctionCode",
        ]
        Resource = [
          aws_lambda_function.this.arn,
          "${aws_lambda_function.this.arn}:*",
        ]
      },
    ]
  })
}

# ---------------------------------------------------------------- ALB (external)

resource "aws_security_group" "alb" {
  count = local.external ? 1 : 0

  name        = "${local.base}-alb"
  description = "ALB of ${local.base}: HTTPS (and the HTTP redirect) from Cloudflare only"
  vpc_id      = var.vpc_id

  ingress {
    description      = "HTTPS from Cloudflare"
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = var.cloudflare_ipv4_cidrs
    ipv6_cidr_blocks = var.cloudflare_ipv6_cidrs
  }

  ingress {
    description      = "HTTP from Cloudflare (redirected to HTTPS)"
    from_port        = 80
    to_port          = 80
    protocol         = "tcp"
    cidr_blocks      = var.cloudflare_ipv4_cidrs
    ipv6_cidr_blocks = var.cloudflare_ipv6_cidrs
  }

  # No egress rule: a Lambda target is invoked through the Lambda service, the
  # ALB opens no connection into the VPC.

  tags = merge(local.tags, { Name = "${local.base}-alb" })
}

resource "aws_lb" "this" {
  count = local.external ? 1 : 0

  name                       = local.load_balancer_name
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [aws_security_group.alb[0].id]
  subnets                    = var.subnet_ids
  drop_invalid_header_fields = true

  tags = local.tags
}

resource "aws_lb_target_group" "this" {
  count = local.external ? 1 : 0

  name                               = local.target_group_name
  target_type                        = "lambda"
  lambda_multi_value_headers_enabled = true

  tags = local.tags
}

# The ALB may invoke the alias only through this target group. It must exist
# before the attachment: RegisterTargets checks the permission.
resource "aws_lambda_permission" "alb" {
  count = local.external ? 1 : 0

  statement_id  = "AllowInvokeFromAlbTargetGroup"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  qualifier     = aws_lambda_alias.live.name
  principal     = "elasticloadbalancing.amazonaws.com"
  source_arn    = aws_lb_target_group.this[0].arn
}

resource "aws_lb_target_group_attachment" "this" {
  count = local.external ? 1 : 0

  target_group_arn = aws_lb_target_group.this[0].arn
  target_id        = aws_lambda_alias.live.arn

  depends_on = [aws_lambda_permission.alb]
}

resource "aws_acm_certificate" "this" {
  count = local.external && var.certificate_arn == null ? 1 : 0

  domain_name       = var.hostname
  validation_method = "DNS"
  tags              = local.tags

  lifecycle {
    create_before_destroy = true
  }
}

# Waits until ACM has issued the certificate (its DNS validation records are
# an output, which the edge root writes into Cloudflare).
resource "aws_acm_certificate_validation" "this" {
  count = local.external && var.certificate_arn == null ? 1 : 0

  certificate_arn = aws_acm_certificate.this[0].arn
}

locals {
  certificate_arn = !local.external ? null : (
    var.certificate_arn != null ? var.certificate_arn : aws_acm_certificate_validation.this[0].certificate_arn
  )
}

resource "aws_lb_listener" "https" {
  count = local.external ? 1 : 0

  load_balancer_arn = aws_lb.this[0].arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = local.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[0].arn
  }

  tags = local.tags
}

resource "aws_lb_listener" "http" {
  count = local.external ? 1 : 0

  load_balancer_arn = aws_lb.this[0].arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }

  tags = local.tags
}
