import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Small, fast, seeded PRNG (mulberry32): the same seed always gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH = (
  '自监督 学习 表示 模型 训练 数据 标签 编码器 解码器 注意力 损失 函数 梯度 优化 参数 样本 负样本 正样本 对比 掩码 ' +
  '重建 图像 文本 序列 向量 特征 下游 任务 微调 预训练 分布式 进程 通信 显卡 批量 学习率 温度 队列 动量 更新 ' +
  '卷积 池化 检测 候选框 分类 回归 偏移 采样 插值 互信息 估计 概率 密度 比值 上下文 预测 未来 时刻 语言 视觉 ' +
  '我们 可以 因此 但是 如果 这样 其中 之后 同时 通常 需要 使用 得到 计算 说明 方法 问题 结果 实验 效果 提升 ' +
  '简单 直接 关键 核心 设计 结构 输入 输出 维度 长度 比例 速度 精度 内存 开销 实现 代码 细节 注意 例子'
).split(' ');
const EN = 'Transformer encoder decoder patch token InfoNCE RoI batch epoch GPU torchrun backward gradient tensor module dropout momentum queue'.split(' ');
const TAGS = [
  ...'BERT MAE MoCo CPC ViT Transformer PyTorch TensorFlow KaTeX CUDA NCCL ResNet SimCLR BYOL DINO CLIP GPT Faster-R-CNN YOLO DETR'.split(' '),
  ...'自监督学习 对比学习 目标检测 分布式训练 自动求导 优化器 正则化 数据增强 知识蒸馏 量化 剪枝 注意力机制 图神经网络 强化学习 生成模型 扩散模型 语音识别 推荐系统 多模态 可解释性'.split(' '),
];
const CATEGORIES = ['自监督学习', '目标检测', 'Python', '深度学习框架', '论文笔记', '工程实践', '数学基础', '计算机视觉'];
const INLINE = [
  '\\theta_k \\leftarrow m\\theta_k + (1-m)\\theta_q',
  'q \\cdot k_+ / \\tau',
  'p(x_{t+k} \\mid c_t)',
  '\\mathbf{z}_t = g_{\\text{enc}}(x_t)',
  'k^2(C+1)',
  '\\hat{y} = \\operatorname{softmax}(Wx + b)',
  'I(x;c) \\ge \\log N - \\mathcal{L}_N',
  '\\Delta p_n',
];
const DISPLAY = [
  '\\mathcal{L}_q = -\\log \\frac{\\exp(q\\cdot k_+/\\tau)}{\\sum_{i=0}^{K}\\exp(q\\cdot k_i/\\tau)}',
  'y(p_0) = \\sum_{p_n \\in \\mathcal{R}} w(p_n)\\, x(p_0 + p_n + \\Delta p_n)',
  'I(x;c) = \\sum_{x,c} p(x,c) \\log \\frac{p(x \\mid c)}{p(x)}',
  '\\mathcal{L}_{\\text{MAE}} = \\frac{1}{|M|} \\sum_{i \\in M} \\lVert x_i - \\hat{x}_i \\rVert_2^2',
  'f_k(x_{t+k}, c_t) = \\exp\\left(z_{t+k}^{\\top} W_k c_t\\right)',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function sentence(r: () => number): string {
  const n = 8 + Math.floor(r() * 14);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += r() < 0.12 ? ` ${pick(r, EN)} ` : pick(r, ZH);
    if (i > 2 && i < n - 1 && r() < 0.1) s += '，';
  }
  return `${s.trim()}。`;
}

function paragraph(r: () => number, math: boolean): string {
  const parts: string[] = [];
  const n = 3 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    parts.push(sentence(r));
    // Formulas vary a little per post, as real ones do, so a memo cannot make them all free.
    if (math && r() < 0.35) parts.push(`其中 $${pick(r, INLINE)} + ${Math.floor(r() * 50)}$ 表示${pick(r, ZH)}。`);
  }
  return parts.join('');
}

function code(r: () => number, i: number): string {
  const lines = [
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    '',
    `class Block${i}(nn.Module):`,
    '    def __init__(self, dim: int = 768):',
    '        super().__init__()',
    '        self.proj = nn.Linear(dim, dim)  # (B, N, D) -> (B, N, D)',
    '        self.drop = nn.Dropout(0.1)',
    '',
    '    def forward(self, x: torch.Tensor) -> torch.Tensor:',
  ];
  const body = 3 + Math.floor(r() * 8);
  for (let k = 0; k < body; k++) {
    lines.push(`        x = ${pick(r, ['F.gelu(self.proj(x))', 'self.drop(x)', 'x + 0.5 * x.mean(dim=1, keepdim=True)', 'F.layer_norm(x, x.shape[-1:])'])}`);
  }
  lines.push('        return x');
  return `\`\`\`python\n${lines.join('\n')}\n\`\`\``;
}

export interface CorpusOptions {
  posts: number;
  seed?: number;
}

/** Writes `posts` synthetic ML posts under `<dir>/posts/` (~40% with math, ~70% with code). */
export function writeCorpus(dir: string, options: CorpusOptions): void {
  const r = rng(options.seed ?? 42);
  for (let i = 0; i < options.posts; i++) {
    const hasMath = r() < 0.4;
    const hasCode = r() < 0.7;
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(r, TAGS)))];
    const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 2500) * 86_400_000).toISOString().slice(0, 10);
    const sections: string[] = [paragraph(r, false), '<!-- more -->'];
    const nSections = 3 + Math.floor(r() * 3);
    for (let s = 0; s < nSections; s++) {
      sections.push(`## ${pick(r, ZH)}${pick(r, ZH)} ${s + 1}`);
      sections.push(paragraph(r, hasMath));
      if (hasMath && r() < 0.6) sections.push(`$$\n${pick(r, DISPLAY)} + ${Math.floor(r() * 100)}\n$$`);
      if (hasCode && s === 1) sections.push(code(r, i));
      sections.push(paragraph(r, hasMath));
    }
    const fm = [
      `title: "${pick(r, ZH)}${pick(r, ZH)}与 ${pick(r, EN)} 笔记 ${i}"`,
      `date: ${day}`,
      `tags: [${tags.map((t) => `"${t}"`).join(', ')}]`,
      `category: ${pick(r, CATEGORIES)}`,
    ];
    const folder = path.join(dir, 'posts', String(Math.floor(i / 500)).padStart(2, '0'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `post-${String(i).padStart(5, '0')}.md`), `---\n${fm.join('\n')}\n---\n\n${sections.join('\n\n')}\n`);
  }
}
