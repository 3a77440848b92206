using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.InfoMeetings;

internal sealed class InfoMeetingConfiguration : IEntityTypeConfiguration<InfoMeeting>
{
    public void Configure(EntityTypeBuilder<InfoMeeting> b)
    {
        b.Property(x => x.Room).HasMaxLength(InfoMeeting.MaxRoomLength);
        b.Property(x => x.Language).HasMaxLength(InfoMeeting.MaxLanguageLength);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne(x => x.JobCentre).WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.JobCentreId, x.Kind, x.StartsAt });
        b.ToTable(t => t.HasCheckConstraint("CK_InfoMeetings_Seats", "\"BookedSeats\" >= 0 AND \"BookedSeats\" <= \"Capacity\""));
    }
}

internal sealed class InfoMeetingBookingConfiguration : IEntityTypeConfiguration<InfoMeetingBooking>
{
    public void Configure(EntityTypeBuilder<InfoMeetingBooking> b)
    {
        b.Property(x => x.BookedBy).HasMaxLength(200);
        b.Property(x => x.OutcomeBy).HasMaxLength(200);
        b.HasOne(x => x.Meeting).WithMany().HasForeignKey(x => x.InfoMeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.ActiveCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ActiveCaseId).IsUnique();
        b.HasIndex(x => new { x.InfoMeetingId, x.Status });
        b.HasIndex(x => x.CaseId);
    }
}

internal sealed class InfoMeetingWaitConfiguration : IEntityTypeConfiguration<InfoMeetingWait>
{
    public void Configure(EntityTypeBuilder<InfoMeetingWait> b)
    {
        b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CaseId).IsUnique();
        b.HasIndex(x => new { x.JobCentreId, x.Kind });
    }
}

internal sealed class QuotaUsageConfiguration : IEntityTypeConfiguration<QuotaUsage>
{
    public void Configure(EntityTypeBuilder<QuotaUsage> b)
    {
        b.HasIndex(x => new { x.DistrictId, x.Kind, x.WeekStart }).IsUnique();
        b.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}
