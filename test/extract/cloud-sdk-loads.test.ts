/**
 * Which SDK inline code loads (src/extract/cloud-sdk-loads.ts), and the destroying methods an
 * SDK names beyond the shared verbs: job queues (Sidekiq, BullMQ, Celery, huey, Oban,
 * Faktory), message brokers, Proxmox VE's API, any API client package, git hosting SDKs and
 * Pulumi's Automation API. The same method names without the SDK loaded stay allowed.
 * Through the real pipeline with the saas pack loaded.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';

describe('job queue clients in inline code (saas pack)', () => {
  it.each([
    [
      `bundle exec ruby -e 'require "sidekiq/api"; Sidekiq::Queue.all.each(&:clear); Sidekiq::DeadSet.new.clear'`,
      ASK,
    ],
    [`bundle exec rails runner 'Sidekiq::RetrySet.new.clear'`, ASK],
    [`ruby -e 'require "resque"; Resque.remove_queue("mailers")'`, ASK],
    [`node -e "const {Queue}=require('bullmq'); new Queue('emails').obliterate({force: true})"`, ASK],
    [`node -e "const {Queue}=require('bullmq'); new Queue('emails').drain()"`, ASK],
    [`python3 -c "from proj.celery import app; app.control.purge()"`, ASK],
    [
      `python3 -c "from rq import Queue; from redis import Redis; Queue('default', connection=Redis()).empty()"`,
      ASK,
    ],
    // reads, enqueues, and the same method names without a job queue loaded
    [`bundle exec ruby -e 'require "sidekiq/api"; puts Sidekiq::Queue.new.size; puts [].empty?'`, 'allow'],
    [`bundle exec rails runner 'p Sidekiq::Stats.new.processed'`, 'allow'],
    [`node -e "const {Queue}=require('bullmq'); new Queue('emails').add('welcome', {id: 1})"`, 'allow'],
    [`ruby -e 'a = [1, 2]; a.clear; puts a.size'`, 'allow'],
    [`python3 -c "d = {'a': 1}; d.clear(); print(d)"`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});

describe('message brokers and Proxmox VE in inline code (saas pack)', () => {
  it.each([
    [
      `python3 -c "import os, pika; ch = pika.BlockingConnection().channel(); print(ch.queue_purge('q'))"`,
      ASK,
    ],
    [`python3 -c "import pika; ch = pika.BlockingConnection().channel(); ch.queue_purge('invoices')"`, ASK],
    [
      `python3 -c "import pika; ch = pika.BlockingConnection().channel(); ch.queue_delete(queue='jobs')"`,
      ASK,
    ],
    [
      `node -e "const amqp=require('amqplib'); amqp.connect(u).then(c=>c.createChannel()).then(ch=>ch.deleteQueue('q'))"`,
      ASK,
    ],
    [
      `python3 -c "from confluent_kafka.admin import AdminClient; AdminClient(c).delete_topics(['payments'])"`,
      ASK,
    ],
    [
      `python3 -c "from proxmoxer import ProxmoxAPI; ProxmoxAPI('pve').nodes('pve1').qemu(101).delete(purge=1)"`,
      ASK,
    ],
    [`node -e 'const proxmox=require("proxmox-api"); proxmox(o).nodes.$("pve1").lxc.$(200).$delete()'`, ASK],
    // reads, publishing and declaring
    [
      `python3 -c "import pika; ch = pika.BlockingConnection().channel(); ch.queue_declare('invoices')"`,
      'allow',
    ],
    [
      `python3 -c "import pika; ch = pika.BlockingConnection().channel(); ch.basic_publish('', 'q', b'hi')"`,
      'allow',
    ],
    [
      `python3 -c "from proxmoxer import ProxmoxAPI; print(ProxmoxAPI('pve').nodes('pve1').qemu.get())"`,
      'allow',
    ],
    [
      `python3 -c "from proxmoxer import ProxmoxAPI; ProxmoxAPI('pve').nodes('pve1').qemu(101).status.start.post()"`,
      'allow',
    ],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});

describe('more job queues: huey flush, Oban from mix run (saas pack)', () => {
  it.each([
    [`python3 -c "from huey import RedisHuey; RedisHuey('acme', host='redis').flush()"`, ASK],
    [`MIX_ENV=prod mix run -e 'Oban.delete_all_jobs(Oban.Job)'`, ASK],
    [`elixir -e 'Oban.cancel_all_jobs(Oban.Job)'`, ASK],
    // a stream's flush, reading Oban's config, a script run by mix
    [`python3 -c "from huey import RedisHuey; import sys; h = RedisHuey('a'); sys.stdout.flush()"`, 'allow'],
    [`mix run -e 'IO.inspect Oban.config()'`, 'allow'],
    [`mix run priv/repo/seeds.exs`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});

describe('API client packages, git hosting SDKs, Pulumi Automation, Faktory (saas pack)', () => {
  it.each([
    // any API client package: its destructive methods
    [
      `node -e "const { NetlifyAPI } = require('@netlify/api'); new NetlifyAPI(process.env.T).deleteSite({ site_id: 'abc' })"`,
      ASK,
    ],
    [
      `node -e "const { WebClient } = require('@slack/web-api'); new WebClient(t).conversations.delete()"`,
      ASK,
    ],
    [`node -e "import('fly-admin-sdk').then(m => new m.Client(t).destroyMachine('m1'))"`, ASK],
    [`python3 -c "from render_sdk import Client; Client(t).delete_service('srv-1')"`, ASK],
    // git hosting SDKs
    [
      `python3 -c "import os; from github import Github, Auth; Github(auth=Auth.Token(os.environ['T'])).get_repo('acme/api').delete()"`,
      ASK,
    ],
    [`python3 -c "import github; github.Github(t).get_repo('a/b').get_git_ref('heads/x').delete()"`, ASK],
    [
      `python3 -c "import gitlab; gl = gitlab.Gitlab('https://gitlab.com', private_token=t); gl.projects.get('a/b').delete()"`,
      ASK,
    ],
    [
      `node -e "const { Octokit } = require('@octokit/rest'); new Octokit().rest.repos.delete({ owner: 'a', repo: 'b' })"`,
      ASK,
    ],
    [
      `node -e "const { Gitlab } = require('@gitbeaker/rest'); new Gitlab({ token: t }).Projects.remove(42)"`,
      ASK,
    ],
    [`ruby -roctokit -e 'Octokit::Client.new(access_token: t).delete_repository("a/b")'`, ASK],
    // Pulumi's Automation API
    [
      `python3 -c "from pulumi import automation as auto; auto.select_stack(stack_name='prod', work_dir='infra').destroy(on_output=print)"`,
      ASK,
    ],
    [
      `python3 -c "from pulumi import automation as auto; auto.LocalWorkspace(work_dir='.').remove_stack('prod')"`,
      ASK,
    ],
    [
      `node -e "const { LocalWorkspace } = require('@pulumi/pulumi/automation'); LocalWorkspace.selectStack({ stackName: 'prod', workDir: '.' }).then(s => s.destroy())"`,
      ASK,
    ],
    // Faktory: flushing the server drops every job
    [`ruby -rfaktory -e 'Faktory::Client.new(url: ENV.fetch("FAKTORY_URL")).flush'`, ASK],
    [`python3 -c "import faktory; faktory.Client().flush()"`, ASK],
    // reads of the same clients, and packages that are not API clients
    [
      `node -e "const { NetlifyAPI } = require('@netlify/api'); new NetlifyAPI(t).listSites().then(console.log)"`,
      'allow',
    ],
    [`python3 -c "from github import Github; print(Github(t).get_repo('a/b').stargazers_count)"`, 'allow'],
    [
      `python3 -c "import gitlab; gl = gitlab.Gitlab('https://gitlab.com'); print(gl.projects.list())"`,
      'allow',
    ],
    [`python3 -c "import github; xs = [1, 2]; xs.remove(1); print(xs)"`, 'allow'],
    [
      `python3 -c "from pulumi import automation as auto; print(auto.select_stack(stack_name='dev', work_dir='.').preview())"`,
      'allow',
    ],
    [
      `ruby -rfaktory -e 'Faktory::Client.new.push({"jobtype" => "Hello", "args" => []}); $stdout.flush'`,
      'allow',
    ],
    [`node -e "const m = new Map(); m.delete('k')"`, 'allow'],
    [`node -e "const api = require('./api'); api.deleteDraft('d1')"`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});

describe("Stripe's cancels, voids and detaches (saas pack)", () => {
  it.each([
    [
      `python3 -c "import os, stripe; stripe.api_key=os.environ['STRIPE_KEY']; [stripe.Subscription.cancel(s.id) for s in stripe.Subscription.list(status='active').auto_paging_iter()]"`,
      ASK,
    ],
    [`node -e "const stripe=require('stripe')(process.env.K); stripe.subscriptions.cancel('sub_1')"`, ASK],
    [`ruby -e "require 'stripe'; Stripe::Subscription.cancel('sub_1')"`, ASK],
    [`ruby -e "require 'stripe'; Stripe::SubscriptionSchedule.cancel 'sub_sched_1'"`, ASK],
    [`python3 -c "import stripe; stripe.PaymentIntent.cancel('pi_1')"`, ASK],
    [`python3 -c "import stripe; stripe.Invoice.void_invoice('in_1')"`, ASK],
    [`node -e "const S=require('stripe'); new S(process.env.K).invoices.voidInvoice('in_1')"`, ASK],
    [`node -e "const S=require('stripe'); new S(process.env.K).invoices.markUncollectible('in_1')"`, ASK],
    [`python3 -c "import stripe; stripe.Account.reject('acct_1', reason='fraud')"`, ASK],
    [`python3 -c "import stripe; stripe.PaymentMethod.detach('pm_1')"`, ASK],
    [`python3 -c "import stripe; sub = stripe.Subscription.retrieve('sub_1'); sub.cancel()"`, ASK],
    [`python3 -c "import stripe; stripe.Product.delete('prod_1')"`, ASK],
    // reads, and cancels that are not Stripe's
    [`python3 -c "import stripe; print(stripe.Subscription.list(status='active'))"`, 'allow'],
    [`node -e "const S=require('stripe'); new S(process.env.K).subscriptions.retrieve('sub_1')"`, 'allow'],
    [`python3 -c "import stripe, asyncio; t = asyncio.ensure_future(asyncio.sleep(1)); t.cancel()"`, 'allow'],
    [
      `node -e "const c = new AbortController(); c.abort(); Promise.reject(new Error('x')).catch(() => 0)"`,
      'allow',
    ],
    [`python3 -c "import asyncio; sub = asyncio.ensure_future(asyncio.sleep(1)); sub.cancel()"`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});
