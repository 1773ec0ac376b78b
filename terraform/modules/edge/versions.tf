# Cloudflare edge of an external app. Applied from its own root module, only
# where the Cloudflare provider can be installed (not on the local stack: it
# is checked statically there, see src/modules.test.ts and the README).
terraform {
  required_version = ">= 1.9.0"

  required_providers {
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 5.0"
    }
  }
}
