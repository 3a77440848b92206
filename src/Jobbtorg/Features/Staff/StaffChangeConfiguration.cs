using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.Staff;

internal sealed class StaffChangeConfiguration : IEntityTypeConfiguration<StaffChange>
{
    public void Configure(EntityTypeBuilder<StaffChange> b)
    {
        b.ToTable("StaffChanges");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.ById).HasMaxLength(450);
        b.Property(x => x.ByName).HasMaxLength(200);
        b.Property(x => x.PreviousRole).HasMaxLength(40);
        b.Property(x => x.Role).HasMaxLength(40);
        b.Property(x => x.PreviousBinding).HasMaxLength(200);
        b.Property(x => x.Binding).HasMaxLength(200);
        b.Property(x => x.Details).HasMaxLength(8000);
        b.HasIndex(x => new { x.UserId, x.At });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ById).OnDelete(DeleteBehavior.Restrict);
    }
}
