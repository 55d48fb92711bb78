/* libuv file system: uv_fs_write on a descriptor from uv_fs_open (its result, or the
 * request's `result`) is an export to the path it was opened on. The folder's policy
 * allows exports into /var/spool/depot/ only, so a wrong path is a violation. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <uv.h>

struct consignee {
    char full_name[64];
    char phone[32];
    char postcode[12];
};

struct manifest_row {
    char tracking_no[24];
    int weight_g;
    struct consignee to;
};

char *pseudonymize(const char *text);

void export_contacts(uv_loop_t *loop, const struct consignee *c)
{
    uv_fs_t open_req, write_req;
    int fd = uv_fs_open(loop, &open_req, "/var/spool/depot/contacts.csv", O_WRONLY | O_CREAT | O_APPEND, 0640, NULL);
    if (fd < 0)
        return;
    char line[160];
    int n = snprintf(line, sizeof line, "%s;%s\n", c->full_name, c->phone);
    uv_buf_t buf = uv_buf_init(line, (unsigned)n);
    uv_fs_write(loop, &write_req, fd, &buf, 1, -1, NULL); /* expect: allowed customer.identity customer.contact */
    char *ref = pseudonymize(c->phone);
    uv_buf_t key = uv_buf_init(ref, (unsigned)strlen(ref));
    uv_fs_write(loop, &write_req, fd, &key, 1, -1, NULL); /* expect-none */
    /* the request keeps the descriptor too */
    uv_buf_t zip = uv_buf_init((char *)c->postcode, (unsigned)strlen(c->postcode));
    uv_fs_write(loop, &write_req, (uv_file)open_req.result, &zip, 1, -1, NULL); /* expect: allowed customer.address */
    uv_fs_write(loop, &write_req, (uv_file)uv_fs_get_result(&open_req), &zip, 1, -1, NULL); /* expect: allowed customer.address */
    uv_fs_req_cleanup(&write_req);
    uv_fs_close(loop, &open_req, fd, NULL);
}

void debug_dump(uv_loop_t *loop, const struct consignee *c)
{
    uv_fs_t open_req, write_req;
    int fd = uv_fs_open(loop, &open_req, "/tmp/debug-consignee.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644, NULL);
    uv_buf_t banner = uv_buf_init("consignee dump v1\n", 18);
    uv_fs_write(loop, &write_req, fd, &banner, 1, 0, NULL); /* expect-none */
    uv_buf_t buf = uv_buf_init((char *)c->full_name, (unsigned)strlen(c->full_name));
    uv_fs_write(loop, &write_req, fd, &buf, 1, 0, NULL); /* expect: violation customer.identity */
}

/* A temporary file made from a template, in the spool directory. */
void spool_manifest(uv_loop_t *loop, const struct manifest_row *row)
{
    uv_fs_t tmp_req, write_req;
    int fd = uv_fs_mkstemp(loop, &tmp_req, "/var/spool/depot/manifest-XXXXXX", NULL);
    uv_buf_t buf = uv_buf_init((char *)row->tracking_no, (unsigned)strlen(row->tracking_no));
    uv_fs_write(loop, &write_req, fd, &buf, 1, 0, NULL); /* expect: allowed shipment.tracking */
}

/* A pipe handle over a file descriptor: stream writes land in the file. */
void log_through_pipe(uv_loop_t *loop, const struct manifest_row *row)
{
    uv_fs_t open_req;
    uv_pipe_t out;
    int fd = uv_fs_open(loop, &open_req, "/srv/share/manifest.log", O_WRONLY | O_CREAT | O_APPEND, 0644, NULL);
    uv_pipe_init(loop, &out, 0);
    uv_pipe_open(&out, fd);
    uv_buf_t buf = uv_buf_init((char *)row->to.full_name, (unsigned)strlen(row->to.full_name));
    uv_try_write((uv_stream_t *)&out, &buf, 1); /* expect: violation customer.identity */
}

/* Work queued on the thread pool: the job embeds its request first, so the work
 * callback gets the job, and writes to the descriptor the job holds. */
struct export_job {
    uv_work_t req;
    uv_loop_t *loop;
    uv_file fd;
    const struct manifest_row *row;
};

static void run_export(uv_work_t *req)
{
    struct export_job *job = (struct export_job *)req;
    uv_fs_t write_req;
    char line[64];
    int n = snprintf(line, sizeof line, "%s,%d\n", job->row->tracking_no, job->row->weight_g);
    uv_buf_t buf = uv_buf_init(line, (unsigned)n);
    uv_fs_write(job->loop, &write_req, job->fd, &buf, 1, -1, NULL); /* expect: allowed shipment.tracking shipment.metrics */
}

void queue_export(uv_loop_t *loop, struct export_job *job, const struct manifest_row *row)
{
    uv_fs_t open_req;
    job->loop = loop;
    job->row = row;
    job->fd = uv_fs_open(loop, &open_req, "/var/spool/depot/weights.csv", O_WRONLY | O_CREAT, 0640, NULL);
    uv_queue_work(loop, (uv_work_t *)job, run_export, NULL);
}
