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
    }
}

internal sealed class OccupationObservationConfiguration : IEntityTypeConfiguration<OccupationObservation>
{
    public void Configure(EntityTypeBuilder<OccupationObservation> b)
    {
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ParticipantId, x.Date }).IsUnique();
    }
}
