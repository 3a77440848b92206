namespace Jobbtorg.Features.Reports;

/// <summary>A coach's open enrolled cases on a date. The coach is the user's display name, or the source system's
/// name for an imported coach with no user here.</summary>
public sealed record CoachCaseload(string Coach, int OpenCases);
