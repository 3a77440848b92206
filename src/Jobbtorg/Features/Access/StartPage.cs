namespace Jobbtorg.Features.Access;

/// <summary>A start page: its address, and the text of a link back to it (English, looked up in the user's language).</summary>
public sealed record StartPage(string Path, string BackText)
{
    public static readonly StartPage MyWork = new("/", "Back to my work");
    public static readonly StartPage Attendance = new("/Attendance", "Back to attendance");
    public static readonly StartPage LogReview = new("/AccessLog/Review", "Back to the access log");
}
