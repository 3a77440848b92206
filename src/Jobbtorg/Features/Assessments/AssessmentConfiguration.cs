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
