# One app in one environment: the pipeline in the deployments account, the
# workload in the workloads account. The Cloudflare edge is a separate root
# (see ../edge and the README) so that this one applies without a Cloudflare
# provider.

locals {
  deployments_role_arn = coalesce(var.deployments_role_arn, "arn:aws:iam::${var.deployments_account_id}:role/${var.deployments_role_name}")
  workloads_role_arn   = coalesce(var.workloads_role_arn, "arn:aws:iam::${var.workloads_account_id}:role/${var.workloads_role_name}")
  session_name         = "terraform-${var.app_name}-${var.environment}"

  production = var.production == null ? var.environment == "prod" : var.production
  hostname = var.domain == null ? null : (
    local.production ? "${var.app_name}.${var.domain}" : "${var.environment}-${var.app_name}.${var.domain}"
  )

  tags = merge(var.tags, { "lambda-paved-road.io/managed-by" = "terraform" })
}

provider "aws" {
  alias  = "deployments"
  region = var.region

  # Refuse to touch any other account, whatever the credentials say.
  allowed_account_ids = [var.deployments_account_id]

  assume_role {
    role_arn     = local.deployments_role_arn
    session_name = local.session_name
  }
}

provider "aws" {
  alias  = "workloads"
  region = var.region

  allowed_account_ids = [var.workloads_account_id]

  assume_role {
    role_arn     = local.workloads_role_arn
    session_name = local.session_name
  }
}

module "workload" {
  source    = "../workload"
  providers = { aws = aws.workloads }

  app_name               = var.app_name
  environment            = var.environment
  deployments_account_id = var.deployments_account_id
  codebuild_role_arn     = module.pipeline.codebuild_role_arn
  image_uri              = var.image_uri
  architecture           = var.architecture
  memory_size            = var.memory_size
  timeout                = var.timeout
  reserved_concurrency   = var.reserved_concurrency
  environment_variables  = var.environment_variables
  log_retention_days     = var.log_retention_days
  exposure               = var.exposure
  hostname               = local.hostname
  certificate_arn        = var.certificate_arn
  vpc_id                 = var.vpc_id
  subnet_ids             = var.subnet_ids
  cloudflare_ipv4_cidrs  = var.cloudflare_ipv4_cidrs
  cloudflare_ipv6_cidrs  = var.cloudflare_ipv6_cidrs

  force_delete_repository = var.force_destroy
  tags                    = local.tags
}

module "pipeline" {
  source    = "../pipeline"
  providers = { aws = aws.deployments }

  app_name             = var.app_name
  environment          = var.environment
  branch               = var.branch
  repository           = var.repository
  connection_arn       = var.connection_arn
  workloads_account_id = var.workloads_account_id
  workloads_region     = var.region
  ecr_repository_name  = module.workload.ecr_repository_name
  function_name        = module.workload.function_name
  alias_name           = module.workload.alias_name
  deployer_role_arn    = module.workload.deployer_role_arn
  architecture         = var.architecture
  log_retention_days   = var.log_retention_days

  force_destroy_artifacts = var.force_destroy
  tags                    = local.tags
}
