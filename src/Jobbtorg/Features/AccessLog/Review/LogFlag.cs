namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>Why an access-log entry deserves a reviewer's look. Computed in <see cref="ReviewFlags"/>.</summary>
public enum LogFlag
{
    /// <summary>The person had protected personal data when read.</summary>
    ProtectedIdentity,
    /// <summary>The case was not the reader's own caseload (or district's referral) when read.</summary>
    OutsideCaseload,
    /// <summary>A job centre's staff member read a case of another centre (a manager's branches count as their own).</summary>
    OutsideCentre,
    /// <summary>The reader read more than the set number of different people within the set time.</summary>
    ManyPeople,
    /// <summary>Read before or after office hours, on a weekend or on a public holiday (Stockholm time).</summary>
    OutOfHours,
}
