using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.DistrictMessages;

internal sealed class DistrictMessageConfiguration : IEntityTypeConfiguration<DistrictMessage>
{
    public void Configure(EntityTypeBuilder<DistrictMessage> b)
    {
        b.HasIndex(x => x.MessageId).IsUnique();
        b.HasIndex(x => new { x.State, x.NextAttemptAt });
        b.HasIndex(x => new { x.CaseId, x.Id });
        b.HasIndex(x => new { x.DistrictId, x.CreatedAt });
        b.Property(x => x.LastError).HasMaxLength(500);
        b.Property(x => x.ReadBy).HasMaxLength(200);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}
