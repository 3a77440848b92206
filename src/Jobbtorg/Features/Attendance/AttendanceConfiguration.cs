using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.Attendance;

internal sealed class AttendanceDayConfiguration : IEntityTypeConfiguration<AttendanceDay>
{
    public void Configure(EntityTypeBuilder<AttendanceDay> b)
    {
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ActivityType>().WithMany().HasForeignKey(x => x.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
        // One registration per case, day and activity; imported whole-day rows (no activity) are not constrained by it.
        b.HasIndex(x => new { x.CaseId, x.Date, x.ActivityTypeId }).IsUnique();
        b.HasIndex(x => new { x.Date, x.ActivityTypeId });
        b.Property(x => x.RecordedById).HasMaxLength(450);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class AttendanceRoundRunConfiguration : IEntityTypeConfiguration<AttendanceRoundRun>
{
    public void Configure(EntityTypeBuilder<AttendanceRoundRun> b)
    {
        b.Property(x => x.Round).HasMaxLength(40);
        b.HasIndex(x => new { x.Round, x.Date }).IsUnique();
    }
}
