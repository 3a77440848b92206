using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.FollowUp;

internal sealed class BenefitMonthConfiguration : IEntityTypeConfiguration<BenefitMonth>
{
    public void Configure(EntityTypeBuilder<BenefitMonth> b)
    {
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ParticipantId, x.Month }).IsUnique();
        // Rows written before the source was kept, and the import's bulk rows, are the register's.
        b.Property(x => x.Source).HasDefaultValue(FollowUpSource.Register);
        b.Property(x => x.RecordedBy).HasMaxLength(BenefitMonth.MaxRecordedByLength);
    }
}

internal sealed class OccupationObservationConfiguration : IEntityTypeConfiguration<OccupationObservation>
{
    public void Configure(EntityTypeBuilder<OccupationObservation> b)
    {
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ParticipantId, x.Date }).IsUnique();
        b.Property(x => x.Source).HasDefaultValue(FollowUpSource.Register);
        b.Property(x => x.RecordedBy).HasMaxLength(BenefitMonth.MaxRecordedByLength);
    }
}
