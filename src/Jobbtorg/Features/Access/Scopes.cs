namespace Jobbtorg.Features.Access;

public static class Scopes
{
    public const string ReferralsWrite = "referrals:write";
    public const string Import = "import";
    public const string Export = "export";
    public const string ReportsRead = "reports:read";
    public const string FollowUpWrite = "followup:write";
    public static readonly string[] All = [ReferralsWrite, Import, Export, ReportsRead, FollowUpWrite];
}
