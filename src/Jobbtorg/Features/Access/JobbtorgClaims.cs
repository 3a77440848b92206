namespace Jobbtorg.Features.Access;

public static class JobbtorgClaims
{
    public const string JobCentre = "jobbtorg:jobcentre";
    public const string District = "jobbtorg:district";
    public const string Provider = "jobbtorg:provider";
    public const string DisplayName = "jobbtorg:name";
    /// <summary>A branch of the user's own centre (a centre's manager reaches its branches too).</summary>
    public const string Branch = "jobbtorg:branch";
    /// <summary>The district code an API key is bound to, as configured.</summary>
    public const string KeyDistrictCode = "jobbtorg:key-district";
    public const string Scope = "scope";
}
