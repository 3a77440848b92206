using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Staff;

public static class RoleLabels
{
    /// <summary>The role's name in the user's language ("Role.Coach" in Localization).</summary>
    public static string Label(this Texts texts, string? role) => role is null ? "–" : texts[$"Role.{role}"];
}
