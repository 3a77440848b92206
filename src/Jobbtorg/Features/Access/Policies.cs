namespace Jobbtorg.Features.Access;

/// <summary>Names of the policies that are not a single <see cref="Permission"/>.</summary>
public static class Policies
{
    /// <summary>Staff signed in with the sign-in cookie; the fallback for everything not marked otherwise.</summary>
    public const string Staff = nameof(Staff);
    /// <summary>Staff, or a system client with any valid key: the OpenAPI document, from which clients are generated.</summary>
    public const string StaffOrAnyKey = nameof(StaffOrAnyKey);
}
