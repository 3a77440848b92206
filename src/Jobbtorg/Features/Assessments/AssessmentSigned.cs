using Jobbtorg.Data;
using Jobbtorg.Features.DistrictMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jobbtorg.Features.Assessments;

/// <summary>What follows from a signed assessment, in the same save as the signature.</summary>
public static class AssessmentSigned
{
    /// <summary>
    /// An in-depth assessment signed <see cref="Availability.NotAvailable"/> tells the district, through the outbox, that
    /// the person is judged not available and that a three-party meeting is proposed. As every message to a district, it
    /// carries its details only while the person's consent stands (and loses them at dispatch if consent is withdrawn
    /// meanwhile). Call before the SaveChanges that stores the signature.
    /// </summary>
    public static void Follow(JobbtorgDb db, Assessment assessment, DateTimeOffset now)
    {
        if (!assessment.IsSigned || assessment.Imported) return;
        if (assessment.Instrument != Instrument.InDepth || assessment.Availability != Availability.NotAvailable) return;
        var c = assessment.Case;
        // Find returns the district already tracked, and fixes up the case's navigation to it.
        c.District ??= db.Districts.Find(c.DistrictId)!;
        new DistrictOutbox(db, new At(now), Endpoints(db)).AssessedNotAvailable(c, assessment);
    }

    /// <summary>The configured district endpoints, from the application's services the context was made with; none (every
    /// message waits in the inbox) for a context made without them.</summary>
    private static DistrictEndpoints Endpoints(JobbtorgDb db) =>
        db.GetService<IDbContextOptions>().FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()
            ?.ApplicationServiceProvider?.GetService(typeof(DistrictEndpoints)) as DistrictEndpoints
        ?? new DistrictEndpoints(Microsoft.Extensions.Options.Options.Create(new DistrictEndpointOptions()));

    /// <summary>The signature's own time, so the message is dated with it.</summary>
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
