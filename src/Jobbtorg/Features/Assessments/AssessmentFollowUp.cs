using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Assessments;

/// <summary>
/// What a case's signed assessments call for next (domain.md, process step 4): an initial assessment that finds the
/// person only partly or not available calls for an in-depth one; an in-depth one that finds the person not available
/// calls for a three-party meeting with the district rather than a plan that cannot work.
/// </summary>
public sealed record AssessmentFollowUp(Assessment? LatestInitial, Assessment? LatestInDepth)
{
    public static readonly AssessmentFollowUp None = new(null, null);

    public static AssessmentFollowUp Of(IEnumerable<Assessment> assessments)
    {
        var latest = PlanFromAssessment.Latest(assessments);
        return new(latest.LastOrDefault(a => a.Instrument == Instrument.Initial), latest.LastOrDefault(a => a.Instrument == Instrument.InDepth));
    }

    public static async Task<AssessmentFollowUp> OfCaseAsync(JobbtorgDb db, int caseId, CancellationToken ct) =>
        Of(await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId && a.Status == AssessmentStatus.Signed).ToListAsync(ct));

    /// <summary>The latest initial assessment found the person only partly or not available, and no in-depth one has been
    /// signed since.</summary>
    public bool InDepthDue =>
        LatestInitial is { Availability: Availability.PartlyAvailable or Availability.NotAvailable } initial
        && !(LatestInDepth is { } inDepth && !IsBefore(inDepth, initial));

    /// <summary>The latest in-depth assessment found the person not available (and no initial one has been made since).</summary>
    public bool MeetingProposed =>
        LatestInDepth is { Availability: Availability.NotAvailable } inDepth
        && !(LatestInitial is { } initial && IsBefore(inDepth, initial));

    private static bool IsBefore(Assessment a, Assessment b) =>
        (a.AssessedOn ?? DateOnly.MinValue, a.SignedAt ?? DateTimeOffset.MinValue).CompareTo((b.AssessedOn ?? DateOnly.MinValue, b.SignedAt ?? DateTimeOffset.MinValue)) < 0;
}
