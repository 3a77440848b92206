namespace Jobbtorg.Features.Access;

public static class Roles
{
    public const string Coach = "Coach";
    public const string Matcher = "Matcher";
    public const string CaseWorker = "CaseWorker";
    public const string Manager = "Manager";
    public const string Analyst = "Analyst";
    public const string Administrator = "Administrator";
    /// <summary>An external provider's staff (anordnare): sees the attendance day view for their own activities and nothing else.</summary>
    public const string Provider = "Provider";
    /// <summary>Reviews the access log (logggranskare): searches it, sees its flags, marks the monthly sample reviewed.
    /// Reads no case.</summary>
    public const string LogReviewer = "LogReviewer";

    public static readonly string[] All = [Coach, Matcher, CaseWorker, Manager, Analyst, Administrator, Provider, LogReviewer];
}
