using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.Assessments;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.ToTable("Assessments");
        b.HasOne(x => x.Case).WithMany(c => c.Assessments).HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.InstrumentVersion).WithMany().HasForeignKey(x => x.InstrumentVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CaseId, x.Instrument, x.Status });
        // A case's latest signed assessment, read by the report's open cases by assessment result (Reports/Indicators.cs):
        // one short index read a case, without sorting or reading the assessment itself.
        b.HasIndex(x => new { x.CaseId, x.AssessedOn, x.Id }).IsDescending(false, true, true)
            .IncludeProperties(x => new { x.Availability, x.NeedCategory })
            .HasFilter("\"Status\" = 'Signed'").HasDatabaseName("IX_Assessments_LatestSigned");
        b.Property(x => x.OverrideReason).HasMaxLength(Assessment.MaxReasonLength);
        b.Property(x => x.StartedBy).HasMaxLength(Assessment.MaxNameLength);
        b.Property(x => x.SignedBy).HasMaxLength(Assessment.MaxNameLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.AnswerMap);
    }
}

internal sealed class InstrumentVersionConfiguration : IEntityTypeConfiguration<InstrumentVersion>
{
    public void Configure(EntityTypeBuilder<InstrumentVersion> b)
    {
        b.ToTable("InstrumentVersions");
        b.HasIndex(x => new { x.Instrument, x.Version }).IsUnique();
        b.Property(x => x.PublishedBy).HasMaxLength(InstrumentVersion.MaxPublishedByLength);
        b.Ignore(x => x.Parsed);
    }
}
