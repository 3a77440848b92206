using Jobbtorg.Data;

namespace Jobbtorg.Features.Assessments;

/// <summary>What follows from a signed assessment, in the same save as the signature.</summary>
public static class AssessmentSigned
{
    public static void Follow(JobbtorgDb db, Assessment assessment, DateTimeOffset now)
    {
        // Filled by the features that act on a result (messages to the district).
    }
}
