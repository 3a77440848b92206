using Microsoft.AspNetCore.Authorization;

namespace Jobbtorg.Features.Access;

/// <summary>Requires one permission of <see cref="AccessRules"/>; the policy is named after the permission.</summary>
public sealed class RequirePermissionAttribute(Permission permission) : AuthorizeAttribute(permission.ToString());
