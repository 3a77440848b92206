using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.FirstAppointments;

internal sealed class FirstAppointmentConfiguration : IEntityTypeConfiguration<FirstAppointment>
{
    public void Configure(EntityTypeBuilder<FirstAppointment> b)
    {
        b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Coach).WithMany().HasForeignKey(x => x.CoachId).OnDelete(DeleteBehavior.Restrict);
        // One booked appointment per case, whatever the concurrency (stored by name).
        b.HasIndex(x => x.CaseId).IsUnique().HasFilter("\"Status\" = 'Booked'").HasDatabaseName("IX_FirstAppointments_OneBookedPerCase");
        b.HasIndex(x => new { x.Status, x.StartsAt });
        b.HasIndex(x => new { x.CoachId, x.StartsAt });
        b.Property(x => x.CoachId).HasMaxLength(450);
        b.Property(x => x.BookedBy).HasMaxLength(200);
        b.Property(x => x.CancelledBy).HasMaxLength(200);
        b.Property(x => x.OutcomeBy).HasMaxLength(200);
        b.Property(x => x.CancelReason).HasMaxLength(FirstAppointment.MaxReasonLength);
    }
}
